"""StreamField blocks of the example site's articles."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(required=False)
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"


class ArticleBody(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
    heading = blocks.CharBlock(form_classname="title")
    quote = QuoteBlock()
    blockquote = blocks.BlockQuoteBlock()
    figure = FigureBlock()
    key_points = blocks.ListBlock(blocks.CharBlock(), icon="list-ul")
    raw_html = blocks.RawHTMLBlock(label="Raw HTML")
