"""Filling Wagtail's admin forms the way a browser would: read the form, change fields, post."""

from operations.loadtest.forms import find_form


def form_data(html, form_selector="form[method=post]"):
    """Every successful control of the form, as a dict of lists (for Django's test client)."""
    data = {}
    for control in find_form(html, form_selector).controls:
        if values := control.values():
            data.setdefault(control.attrs["name"], []).extend(values)
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}


def page_edit_data(client, page, **changes):
    """The edit form of page as the admin shows it to the logged-in user, with changes applied."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = form_data(response.content.decode(), "form#page-edit-form")
    data.update(changes)
    return data
