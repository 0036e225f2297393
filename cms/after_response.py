"""Work a request sets off that its answer need not wait for, run once the answer has been sent.

Without a Celery broker (the embedded default; the test settings) a task runs in the process
that queues it. The font re-cut that a publication queues renders the page and those showing it
and may cut a subset: seconds on which the reviewer's 承認して公開, or the closing of a reporting
round, would otherwise wait, although the published text is visible without it (drawn from the
fallback slices meanwhile). In a request, `after_response(work)` keeps the work until the server
closes the response, which it does once the body is sent; then it runs in the same thread,
before the request's database connection is let go. Outside a request (a command, a worker) the
work runs at once. With a broker, queueing a task is quick either way.
"""

from contextvars import ContextVar

_waiting = ContextVar("after_response_waiting", default=None)


def after_response(work):
    """Run work() once the current request's response is sent, or at once outside a request."""
    waiting = _waiting.get()
    if waiting is None:
        work()
    else:
        waiting.append(work)


class AfterResponseMiddleware:
    """Near the top of MIDDLEWARE, so that the response it holds the work on is the one sent."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        waiting = []
        token = _waiting.set(waiting)
        try:
            response = self.get_response(request)
        finally:
            _waiting.reset(token)
        if waiting:
            close = response.close

            def run_then_close():
                try:
                    for work in waiting:
                        work()
                finally:
                    close()

            response.close = run_then_close
        return response
