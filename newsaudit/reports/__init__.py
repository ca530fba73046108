"""Reports in the Wagtail admin, read from the stored audits: the site report (`site_report`), who the archive
quotes (`sources_report`) and the archive's trends (`trends`, `trends_views`)."""
