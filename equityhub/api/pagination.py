"""Page-number pagination with bounds, so an absurd page number is a 422, not a database error."""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

# Far beyond any real list, and small enough that the offset fits every database's integer.
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100


class Pagination(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)
