"""Filling Wagtail's admin forms the way a browser would: read the form, change fields, post."""

from bs4 import BeautifulSoup


def form_data(html, form_selector="form[method=post]"):
    """Every successful control of the form, as a dict of lists (for Django's test client)."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    data = {}
    for control in form.select("input[name], textarea[name], select[name]"):
        name = control["name"]
        if control.name == "textarea":
            data.setdefault(name, []).append(control.get_text())
        elif control.name == "select":
            chosen = [o.get("value", o.get_text()) for o in control.select("option[selected]")]
            if not chosen and not control.has_attr("multiple"):
                first = control.select_one("option")
                chosen = [first.get("value", first.get_text())] if first else []
            data.setdefault(name, []).extend(chosen)
        elif control.get("type") in {"checkbox", "radio"}:
            if control.has_attr("checked"):
                data.setdefault(name, []).append(control.get("value", "on"))
        elif control.get("type") not in {"submit", "button", "file", "image"}:
            data.setdefault(name, []).append(control.get("value", ""))
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}


def page_edit_data(client, page, **changes):
    """The edit form of page as the admin shows it to the logged-in user, with changes applied."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = form_data(response.content.decode(), "form#page-edit-form")
    data.update(changes)
    return data
