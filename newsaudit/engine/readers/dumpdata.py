"""`manage.py dumpdata` JSON -> Documents, one per page that has article text.

dumpdata writes a list of `{"model": "app.model", "pk": n, "fields": {...}}`. A Wagtail page is split over two
rows with the same pk (multi-table inheritance): `wagtailcore.page` holds `title` and `live`, the page type's row
(`news.articlepage`) holds the body fields, a StreamField stored as a JSON *string* of its raw blocks. The two
are joined by pk. Rows of other models (users, images, snippets) are skipped, and so are form pages
(`form_page_pks`). When the dump has no `wagtailcore.page` rows at all (`dumpdata news`), every row outside
Django's and Wagtail's own apps that has article text is read as a page. Rows of other models whose pk happens to equal a page's (a footer snippet, a
settings row, a form field) are told apart by the page's content type (`page_type_models`), so each page is one
document.

`wagtailcore.revision` rows (drafts) are not read: a dump's pages are its published state, and drafts are the
Wagtail plugin's job, which audits every revision as it is saved.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from ..document import BlockInput, Document
from .errors import DocumentError
from .streamfield import LISTINGS_NOTE, is_listing_type, is_stream, kind_for, page_document, page_field_blocks

PAGE_MODEL = "wagtailcore.page"
CONTENT_TYPE_MODEL = "contenttypes.contenttype"
# Django's and Wagtail's own apps (their labels exactly: third-party apps named wagtail_feathers or wagtailmedia,
# or a site's own wagtailblog, hold page rows and are read).
FRAMEWORK_APPS = frozenset(
    ["auth", "contenttypes", "sessions", "admin", "sites", "taggit", "wagtailcore", "wagtailadmin", "wagtaildocs"]
    + ["wagtailimages", "wagtailembeds", "wagtailsearch", "wagtailsearchpromotions", "wagtailsnippets"]
    + ["wagtailusers", "wagtailforms", "wagtailredirects", "wagtailsettings", "wagtailroutablepage", "wagtailsites"]
    + ["wagtailsitemaps", "wagtailstyleguide", "wagtailtableblock", "wagtaillocales", "wagtailapi_v2"]
    + ["wagtailapi_v3", "wagtailfrontendcache", "simple_translation"]
)
PAGE_META = {"slug": "slug", "url_path": "url", "first_published_at": "published", "live": "live"}
NAME_FIELDS = ("name", "full_name", "display_name", "title")  # a person's or author snippet's display name
MAX_BYLINE_REFS = 12  # people in one byline


def is_dumpdata(data: Any) -> bool:
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(row, dict) and "model" in row and "fields" in row for row in data)
    )


def read_dumpdata(rows: list[dict], source: str, fields: Sequence[str] = ()) -> Iterator[Document | DocumentError]:
    pages = base_page_rows(rows)
    own = page_type_models(rows, pages) if pages else None
    joined: dict[str, tuple[int, dict]] = {}  # page pk -> (index of its first own row, the rows merged)
    labels: dict[str, list[str]] = {}  # page pk -> the models of its rows (a base page's, then the type's own)
    for index, row in enumerate(rows):
        if not is_page_row(row, pages, own):
            continue
        key = str(row.get("pk")) if pages else f"#{index}"
        first, merged = joined.get(key, (index, {"model": row.get("model"), "pk": row.get("pk"), "fields": {}}))
        labels.setdefault(key, []).append(str(row.get("model") or ""))
        if isinstance(row.get("fields"), dict) and isinstance(merged["fields"], dict):
            merged["fields"].update(row["fields"])
        else:
            merged["fields"] = row.get("fields")
        joined[key] = (first, merged)
    sizes = {label: len(pks) for label, pks in _rows_by_model(rows).items()}
    others = _other_rows(rows)
    forms = form_page_pks(rows)
    read_any = False
    listings = 0
    for key, (index, merged) in joined.items():
        if any(is_listing_type(label) for label in labels[key]):
            listings += 1  # a home, index or listing page: its text introduces other pages
            continue
        if str(merged.get("pk")) in forms:
            continue  # a form page: its text asks readers for theirs
        # Multi-table inheritance: the type is the model of the page's rows with the fewest pages (a base page
        # model has a row for every page built on it).
        merged["model"] = min(labels[key], key=lambda label: sizes.get(label, 0))
        result = read_row(merged, pages.get(key), f"{source}#{index}", fields, others)
        if result is None:
            continue  # a page type without article text
        read_any = True
        yield result
    if not read_any:
        yield DocumentError(source, "no page with article text in this dumpdata file" + LISTINGS_NOTE * bool(listings))


def form_page_pks(rows: list[dict]) -> set[str]:
    """The pks of form pages: pages that rows of a Wagtail form field model (`label`, `field_type`, `clean_name`)
    belong to, by the ParentalKey that names the page (`page`, as Wagtail's form builder and its docs name it)."""
    pks = set()
    for row in rows:
        fields = row.get("fields")
        if isinstance(fields, dict) and "field_type" in fields and "clean_name" in fields:
            page = fields.get("page")
            if isinstance(page, int | str) and not isinstance(page, bool):
                pks.add(str(page))
    return pks


def base_page_rows(rows: list[dict]) -> dict[str, dict]:
    """The `wagtailcore.page` rows by pk (as a string)."""
    return {str(row.get("pk")): row for row in rows if row.get("model") == PAGE_MODEL}


def is_page_row(row: dict, pages: dict[str, dict], own: set[str] | None = None) -> bool:
    """A page type's row (`news.articlepage`), read as a page: a row of a page model (`page_type_models`) joined
    with its `wagtailcore.page` row when the dump has those, else any row outside Django's and Wagtail's apps."""
    model = str(row.get("model") or "")
    if model == PAGE_MODEL or model.split(".")[0] in FRAMEWORK_APPS:
        return False
    if not pages:
        return True
    return str(row.get("pk")) in pages and (own is None or model in own)


def page_type_models(rows: list[dict], pages: dict[str, dict]) -> set[str]:
    """The models whose rows are pages' own rows, not snippets, settings or form fields that share a page's id.

    A page's `content_type` says its type: exact when the dump names it (`dumpdata --natural-foreign`, or
    `contenttypes.contenttype` rows in the dump). Otherwise a model counts as a page type when its rows are
    exactly the pages of some content types (every page of those types has a row, and no other row), none of
    them the root's (Wagtail's bare Page); between models that fit the same pages, one named `...page` wins.
    """
    type_names = {str(r.get("pk")): _label(r) for r in rows if r.get("model") == CONTENT_TYPE_MODEL}
    page_type = {pk: _content_type(row, type_names) for pk, row in pages.items()}
    root_types = {page_type[pk] for pk, row in pages.items() if (row.get("fields") or {}).get("depth") == 1}
    candidates: dict[frozenset, list[str]] = {}
    for label, pks in _rows_by_model(rows).items():
        types = frozenset(page_type.get(pk) for pk in pks)
        if not pks <= pages.keys() or types & root_types or None in types:
            continue
        if pks != {pk for pk, t in page_type.items() if t in types}:
            continue
        named = {t for t in types if isinstance(t, str) and "." in t}
        if named == types and label not in named and not label.endswith("page"):
            continue
        candidates.setdefault(types, []).append(label)
    own: set[str] = set()
    for labels in candidates.values():
        preferred = [label for label in labels if label.endswith("page")]
        own.update(preferred or labels)
    return own


RowIndex = dict[str, dict[str, dict]]  # model label -> pk (as a string) -> the row's fields


def _other_rows(rows: list[dict]) -> RowIndex:
    """Every row but the base page rows, by model and pk: snippets and people a page refers to."""
    index: RowIndex = {}
    for row in rows:
        model = str(row.get("model") or "")
        if model and model != PAGE_MODEL and isinstance(row.get("fields"), dict):
            index.setdefault(model, {})[str(row.get("pk"))] = row["fields"]
    return index


def referenced_byline(values: dict, others: RowIndex) -> str:
    """A byline kept as a reference: a ForeignKey or many-to-many field named as a byline (`author`, `authors`,
    `contributors`), which dumpdata writes as ids. Each id is named by the row it points at when the dump holds it
    (a model whose name holds the field's, `utils.authorsnippet` for `author`), else it stays a reference
    (`author #3`): the page has a byline either way."""
    names: list[str] = []
    for field, value in values.items():
        if kind_for(str(field), "") != "byline":
            continue
        refs = value if isinstance(value, list) else [value]
        for ref in refs[:MAX_BYLINE_REFS]:
            if _is_row_id(ref):
                names.append(_referenced_name(str(field), str(ref), others) or f"{field} #{ref}")
    return ", ".join(dict.fromkeys(names))


def _is_row_id(value: object) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, str) and value.isdigit())


def _referenced_name(field: str, pk: str, others: RowIndex) -> str:
    stem = field.lower().removesuffix("s")
    for label, rows in others.items():
        fields = rows.get(pk) if stem in label.rpartition(".")[2] else None
        if fields is None:
            continue
        name = next((fields[n] for n in NAME_FIELDS if isinstance(fields.get(n), str) and fields[n].strip()), None)
        full = " ".join(str(fields.get(n) or "") for n in ("first_name", "last_name")).strip()
        if name or full:
            return " ".join((name or full).split())
    return ""


def _rows_by_model(rows: list[dict]) -> dict[str, set[str]]:
    by_model: dict[str, set[str]] = {}
    for row in rows:
        model = str(row.get("model") or "")
        if model and model != PAGE_MODEL and model.split(".")[0] not in FRAMEWORK_APPS:
            by_model.setdefault(model, set()).add(str(row.get("pk")))
    return by_model


def _content_type(page: dict, type_names: dict[str, str]) -> str | None:
    """`app.model` when the dump says it, else the content type id as a string (None when absent)."""
    value = (page.get("fields") or {}).get("content_type")
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return f"{value[0]}.{value[1]}".lower()
    if isinstance(value, int | str) and not isinstance(value, bool):
        return type_names.get(str(value), f"#{value}")
    return None


def _label(row: dict) -> str:
    fields = row.get("fields") or {}
    return f"{fields.get('app_label')}.{fields.get('model')}".lower()


def row_doc_id(row: dict, fallback_id: str) -> str:
    """`page:<pk>`, or `fallback_id` when the row has no usable pk."""
    pk = row.get("pk")
    return f"page:{pk}" if isinstance(pk, int | str) and not isinstance(pk, bool) else fallback_id


def read_row(
    row: dict, page: dict | None, fallback_id: str, fields: Sequence[str] = (), others: RowIndex | None = None
) -> Document | DocumentError | None:
    """One page-type row joined with its `wagtailcore.page` row; None when it holds no article text. `others`: the
    dump's other rows by model and pk, where a byline kept as a reference finds its names (`referenced_byline`)."""
    doc_id = row_doc_id(row, fallback_id)
    values = row.get("fields")
    page_fields = page.get("fields") if page and isinstance(page.get("fields"), dict) else {}
    title = page_fields.get("title") or (values.get("title") if isinstance(values, dict) else "")
    title = title if isinstance(title, str) else ""
    if not isinstance(values, dict):
        return DocumentError(doc_id, "'fields' is not an object", title)
    try:
        blocks = _row_blocks(values, fields)
    except ValueError as error:
        return DocumentError(doc_id, str(error), title)
    except (RecursionError, MemoryError):
        return DocumentError(doc_id, "page fields nested too deeply", title)
    meta = {
        ours: str(page_fields[theirs]).lower() if theirs == "live" else str(page_fields[theirs])
        for theirs, ours in PAGE_META.items()
        if page_fields.get(theirs) is not None
    }
    meta["type"] = str(row.get("model"))
    byline = referenced_byline(values, others or {})
    if byline:
        meta["byline"] = byline
    return page_document(doc_id, blocks, title, meta)


def _row_blocks(values: dict, fields: Sequence[str]) -> list[BlockInput]:
    decoded = {name: _decode_stream(name, raw) for name, raw in values.items() if name != "title"}
    return page_field_blocks(decoded, fields)


def _decode_stream(name: str, raw: Any) -> Any:
    """A StreamField arrives as a JSON string of its raw blocks; anything else is returned as it is."""
    if not isinstance(raw, str) or not raw.lstrip().startswith("[{"):
        return raw
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValueError(f"field {name!r}: StreamField JSON is not valid ({error.msg})") from None
    if not is_stream(value):
        raise ValueError(f"field {name!r}: StreamField JSON is not a list of {{type, value}} blocks")
    return value
