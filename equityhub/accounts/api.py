from django.http import HttpRequest
from ninja import Router, Schema

from equityhub.api.auth import MEMBER_AUTH
from equityhub.api.errors import ErrorOut

router = Router(tags=["account"])


class MeOut(Schema):
    email: str
    display_name: str
    preferred_language: str
    profession: str
    region: str


@router.get(
    "",
    response={200: MeOut, 401: ErrorOut},
    auth=MEMBER_AUTH,
    summary="The member the request is made as",
)
def me(request: HttpRequest) -> object:
    """Signed-in members only, about themselves."""
    return request.user
