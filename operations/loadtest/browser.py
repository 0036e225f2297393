"""HTTP as a browser speaks it to the site behind its proxy: cookies, redirects, forms.

Every request goes out on its own connection (gunicorn's sync workers close each one) with
X-Forwarded-Proto: https, as the shipped nginx sends it, so the production settings' HTTPS
redirect, secure cookies and CSRF origin checks apply as they do on the real site.
"""

import http.client
import json
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from operations.loadtest.forms import find_form

TIMEOUT_SECONDS = 30


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes
    seconds: float

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self):
        """The redirect's target as a path on the site."""
        target = urlsplit(self.headers.get("location", ""))
        return target.path + (f"?{target.query}" if target.query else "")


class Browser:
    def __init__(self, host, port):
        self.host = host
        self.port = port
        self.origin = f"https://{host}:{port}"
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        """One request; raises OSError (refused, reset, timed out) as the connection does."""
        headers = {
            "Host": f"{self.host}:{self.port}",
            "X-Forwarded-Proto": "https",
            "Accept-Language": "ja",
            **(headers or {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_SECONDS)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            content = answer.read()
        finally:
            connection.close()
        response = Response(
            answer.status,
            {k.lower(): v for k, v in answer.getheaders()},
            content,
            time.perf_counter() - started,
        )
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data, referer):
        body = urlencode(data, doseq=True).encode()
        return self.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin,
                "Referer": self.origin + referer,
            },
        )

    def get_following(self, path, limit=5):
        """GET, following redirects; returns the last response and the path it came from."""
        for _ in range(limit):
            response = self.get(path)
            if response.status not in {301, 302, 303}:
                return response, path
            path = response.location
        raise RuntimeError(f"more than {limit} redirects from {path}")


def form_data(html, selector="form[method=post]"):
    """Every successful control of the form, as a browser would submit it (dict of lists).

    Textareas as the browser holds them: without the newline right after the opening tag, which
    HTML parsing drops, and with CRLF line breaks.
    """
    form = find_form(html, selector)
    if form is None:
        raise ValueError(f"no {selector} on the page")
    data = {}
    for control in form.controls:
        if not (values := control.values()):
            continue
        if control.tag == "textarea":
            value = values[0].replace("\r\n", "\n")
            value = value[1:] if value.startswith("\n") else value
            values = [value.replace("\n", "\r\n")]
        data.setdefault(control.attrs["name"], []).extend(values)
    return data


def json_field(value):
    return json.dumps(value, ensure_ascii=False)
