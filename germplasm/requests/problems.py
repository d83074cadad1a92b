"""Why a request, allocation or shipment was refused. `status` is what the API answers:
400 for input that is wrong in itself, 403 for who may not, 409 for what the request's or a
lot's current state does not allow."""


class RequestProblem(ValueError):
    def __init__(self, field: str | None, message: str, status: int = 400):
        super().__init__(message)
        self.field = field
        self.status = status


class Conflict(RequestProblem):
    def __init__(self, field: str | None, message: str):
        super().__init__(field, message, 409)


class NotAllowed(RequestProblem):
    def __init__(self, message: str):
        super().__init__(None, message, 403)
