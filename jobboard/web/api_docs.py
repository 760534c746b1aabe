"""The API's Swagger page under the board's Content-Security-Policy: Litestar's page starts Swagger UI with an
inline script, so this one loads the same start from a file (``static/js/api-docs.js``), which reads the
OpenAPI document by URL. Swagger UI itself (version 5, which reads the OpenAPI 3.1 Litestar writes) comes
from the installed ``swagger-ui-py``: the venue's network may not reach a CDN."""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

from litestar import Router
from litestar.connection import Request
from litestar.openapi.plugins import SwaggerRenderPlugin

SWAGGER_UI_PATH = "/static/swagger-ui"
SWAGGER_UI_FILES = Path(str(files("swagger_ui") / "static"))


class SwaggerPage(SwaggerRenderPlugin):
    def __init__(self) -> None:
        super().__init__(
            js_url=f"{SWAGGER_UI_PATH}/swagger-ui-bundle.js",
            css_url=f"{SWAGGER_UI_PATH}/swagger-ui.css",
            standalone_preset_js_url=f"{SWAGGER_UI_PATH}/swagger-ui-standalone-preset.js",
            favicon="",
        )

    def receive_router(self, router: Router) -> None:
        """No OAuth2 redirect page (Litestar's has inline script): the API signs in with no OAuth."""

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        title = escape(str(openapi_schema["info"]["title"]))
        document = escape(f"{request.url.path.rstrip('/')}/openapi.json")
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link href="{self.css_url}" rel="stylesheet">
<script src="{self.js_url}" defer></script>
<script src="{self.standalone_preset_js_url}" defer></script>
<script src="/static/js/api-docs.js" defer></script>
</head><body><div id="swagger-container" data-openapi="{document}"></div></body></html>""".encode()
