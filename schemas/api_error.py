"""The API's one error shape, for the OpenAPI document (germplasm.errors writes it)."""
from marshmallow import Schema, fields


class FieldErrorSchema(Schema):
    field = fields.String(required=True, metadata={
        "description": "出错的参数或字段 / the parameter or field at fault"})
    messages = fields.List(fields.String(), required=True, metadata={
        "description": "出错原因 / why it was refused"})


class ErrorSchema(Schema):
    status = fields.Integer(required=True, metadata={
        "description": "HTTP 状态码 / the HTTP status code", "example": 400})
    message = fields.String(required=True, metadata={
        "description": "给人看的说明（按请求语言） / a message for people, in the request's "
                       "language"})
    errors = fields.List(fields.Nested(FieldErrorSchema), required=True, metadata={
        "description": "每个出错的参数一项（可为空） / one entry per parameter at fault "
                       "(may be empty)"})
