"""Work a request queues for after its answer (cms/after_response.py) runs once the response is
closed, as the server closes it after sending the body; outside a request it runs at once."""

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from django.http import HttpResponse
from django.test import RequestFactory

from cms.after_response import AfterResponseMiddleware, after_response


@pytest.fixture(autouse=True)
def connections_left_open():
    """Closing a response tells request_finished, whose receiver would close the database
    connections: the test client keeps it from doing so, and so do these tests."""
    request_finished.disconnect(close_old_connections)
    yield
    request_finished.connect(close_old_connections)


def test_outside_a_request_the_work_runs_at_once():
    done = []
    after_response(lambda: done.append("work"))
    assert done == ["work"]


def test_in_a_request_the_work_waits_until_the_response_is_closed():
    done = []

    def view(request):
        after_response(lambda: done.append("first"))
        after_response(lambda: done.append("second"))
        done.append("answered")
        return HttpResponse("the answer")

    response = AfterResponseMiddleware(view)(RequestFactory().get("/"))
    assert done == ["answered"]
    assert response.content == b"the answer"

    response.close()
    assert done == ["answered", "first", "second"]


def test_a_failing_work_still_closes_the_response():
    closed = []

    def view(request):
        after_response(lambda: 1 / 0)
        response = HttpResponse()
        response._resource_closers.append(lambda: closed.append(True))
        return response

    response = AfterResponseMiddleware(view)(RequestFactory().get("/"))
    with pytest.raises(ZeroDivisionError):
        response.close()
    assert closed == [True]


def test_after_the_request_work_runs_at_once_again():
    AfterResponseMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))
    done = []
    after_response(lambda: done.append("work"))
    assert done == ["work"]
