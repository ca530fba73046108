"""POST a Wagtail page form as an editor's browser does, for sites whose models we did not write.

A browser sends the form's own inputs (what the edit view's HTML holds: title, slug, SEO and settings fields,
formset management forms, the CSRF token) plus what the StreamField editor's JavaScript builds from the block
definitions: `body-count`, `body-0-type`, `body-0-value-...`, `body-0-order`, `body-0-deleted`, `body-0-id`, down
to each nested block. `form_data` does both: it reads the inputs from the HTML and writes each StreamField's
inputs from the page's value by walking the site's own block definitions, so the POST holds what the editor saw.
"""

from __future__ import annotations

import json
from typing import Any

from bs4 import BeautifulSoup
from wagtail import blocks
from wagtail.fields import StreamField

SKIPPED_INPUTS = {"submit", "button", "image", "file", "reset"}


def html_form_inputs(html: str, form_id: str) -> list[tuple[str, str]]:
    """The name/value pairs a browser submits for the form with this id (inputs inside it or naming it)."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", id=form_id)
    assert form is not None, f"no form #{form_id} in the page"
    elements = form.find_all(["input", "textarea", "select"]) + soup.find_all(attrs={"form": form_id})
    pairs: list[tuple[str, str]] = []
    for element in elements:
        name = element.get("name")
        if name and not element.has_attr("disabled"):
            pairs.extend((name, value) for value in _submitted_values(element))
    return pairs


def _submitted_values(element: Any) -> list[str]:
    if element.name == "textarea":
        text = element.text  # a browser drops the one line break that opens a textarea's content
        return [text[1:] if text.startswith("\n") else text]
    if element.name == "select":
        chosen = [o.get("value", o.text) for o in element.find_all("option") if o.has_attr("selected")]
        options = element.find_all("option")
        if not chosen and options and not element.has_attr("multiple"):
            chosen = [options[0].get("value", options[0].text)]
        return chosen
    kind = (element.get("type") or "text").lower()
    if kind in SKIPPED_INPUTS or (kind in ("checkbox", "radio") and not element.has_attr("checked")):
        return []
    return [element.get("value", "on" if kind in ("checkbox", "radio") else "")]


def stream_inputs(block: blocks.Block, value: Any, prefix: str) -> dict[str, Any]:
    """The inputs the StreamField editor submits for `value` under `prefix` (a field name)."""
    data: dict[str, Any] = {}
    stack: list[tuple[blocks.Block, Any, str]] = [(block, value, prefix)]
    while stack:
        current, current_value, name = stack.pop()
        if isinstance(current, blocks.StreamBlock | blocks.ListBlock):
            # A StreamValue's items and a ListValue's bound blocks each carry their block, value and id.
            children = list(getattr(current_value, "bound_blocks", None) or current_value or [])
            data[f"{name}-count"] = str(len(children))
            for index, child in enumerate(children):
                child_prefix = f"{name}-{index}"
                data[f"{child_prefix}-deleted"] = ""
                data[f"{child_prefix}-order"] = str(index)
                data[f"{child_prefix}-id"] = getattr(child, "id", None) or ""
                if isinstance(current, blocks.StreamBlock):
                    data[f"{child_prefix}-type"] = child.block_type
                stack.append((child.block, child.value, f"{child_prefix}-value"))
        elif isinstance(current, blocks.StructBlock):
            for child_name, child_block in current.child_blocks.items():
                stack.append((child_block, (current_value or {}).get(child_name), f"{name}-{child_name}"))
        else:
            data.update(_leaf_input(current, current_value, name))
    return data


def _leaf_input(block: blocks.Block, value: Any, name: str) -> dict[str, Any]:
    if isinstance(block, blocks.BooleanBlock):
        return {name: "on"} if value else {}
    if isinstance(block, blocks.ChooserBlock):
        return {name: str(value.pk) if value is not None else ""}
    state = block.get_form_state(value)
    if state is None:
        return {name: ""}
    if isinstance(state, list) and all(isinstance(item, str) for item in state):
        return {name: state}  # a select's chosen options, one input each
    return {name: state if isinstance(state, str) else json.dumps(state)}


def form_data(page: Any, html: str, form_id: str, **changes: str) -> dict[str, Any]:
    """What the editor's browser POSTs for `page` from the view's HTML, with `changes` (e.g. `{"action-publish":
    "action-publish"}`) on top."""
    streams = [f for f in type(page)._meta.concrete_fields if isinstance(f, StreamField)]
    data: dict[str, Any] = {}
    for name, value in html_form_inputs(html, form_id):
        if any(name == f.name or name.startswith(f"{f.name}-") for f in streams):
            continue
        data.setdefault(name, []).append(value)
    data = {name: values if len(values) > 1 else values[0] for name, values in data.items()}
    for field in streams:
        data.update(stream_inputs(field.stream_block, getattr(page, field.name), field.name))
    data.update(changes)
    return data
