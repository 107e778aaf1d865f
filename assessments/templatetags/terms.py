"""A term's first use on a page links to its explanation in the glossary (/help/)."""

from django import template
from django.utils.html import conditional_escape, format_html

from coprod_site.glossary import HELP_PATH, TERMS

register = template.Library()
USED = "_glossary_terms_used"


@register.simple_tag(takes_context=True)
def term(context, anchor: str, words: str):
    """`words`, linked to the glossary's entry for `anchor` the first time the page uses
    it (the set of terms used lives in the outermost context, so includes share it); plain
    words after that, so a page is not a field of links."""
    if anchor not in TERMS:
        raise template.TemplateSyntaxError(f"No glossary entry {anchor!r}")
    used = context.get(USED)
    if used is None:
        used = set()
        context.dicts[0][USED] = used
    if anchor in used:
        return conditional_escape(words)
    used.add(anchor)
    return format_html('<a href="{}#{}" class="term-link">{}</a>', HELP_PATH, anchor, words)
