"""Why a request, allocation or shipment was refused. `status` is what the API answers:
400 for input that is wrong in itself, 403 for who may not, 409 for what the request's or a
lot's current state does not allow."""


class RequestProblem(ValueError):
    """`code` and `params` let a page say the same in its own language
    (germplasm.requests.web); the message is the API's English."""

    def __init__(self, field: str | None, message: str, status: int = 400,
                 code: str | None = None, **params):
        super().__init__(message)
        self.field = field
        self.status = status
        self.code = code
        self.params = params


class Conflict(RequestProblem):
    def __init__(self, field: str | None, message: str, code: str | None = None, **params):
        super().__init__(field, message, 409, code, **params)


class NotAllowed(RequestProblem):
    def __init__(self, message: str):
        super().__init__(None, message, 403)
