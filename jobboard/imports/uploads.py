"""Uploaded job tables waiting between preview and confirmation, kept on the server.

Each upload lives in ``<upload_dir>/imports/<staff user id>/<random token>/<cleaned file name>``. The page
only ever sends the token back; the path is rebuilt here from the signed-in user's id and a token that
must look like one we made, so a client can neither name a path nor confirm another person's upload.
Uploads left unconfirmed are removed after a day.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from pathlib import Path

from jobboard.core.errors import NotFound
from jobboard.core.files import clean_filename

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
KEEP_SECONDS = 24 * 3600
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


class PendingImports:
    def __init__(self, upload_dir: Path) -> None:
        self.root = upload_dir / "imports"

    def keep(self, user_id: int, filename: str, content: bytes) -> str:
        """Stores an upload for ``user_id``; returns the token that names it."""
        self.sweep()
        token = secrets.token_urlsafe(24)
        folder = self._folder(user_id, token)
        folder.mkdir(parents=True, mode=0o700)
        (folder / clean_filename(filename)).write_bytes(content)
        return token

    def path(self, user_id: int, token: str) -> Path:
        """The stored file of this user's upload; ``NotFound`` when unknown, someone else's or expired."""
        if not _TOKEN.fullmatch(token or ""):
            raise NotFound()
        folder = self._folder(user_id, token)
        files = [item for item in folder.iterdir() if item.is_file()] if folder.is_dir() else []
        if len(files) != 1 or self._expired(folder):
            raise NotFound()
        return files[0]

    def discard(self, user_id: int, token: str) -> None:
        if _TOKEN.fullmatch(token or ""):
            shutil.rmtree(self._folder(user_id, token), ignore_errors=True)

    def sweep(self) -> None:
        """Removes every upload older than a day, whoever made it."""
        if not self.root.is_dir():
            return
        for user_folder in self.root.iterdir():
            if not user_folder.is_dir():
                continue
            for folder in user_folder.iterdir():
                if folder.is_dir() and self._expired(folder):
                    shutil.rmtree(folder, ignore_errors=True)

    def _folder(self, user_id: int, token: str) -> Path:
        return self.root / str(int(user_id)) / token

    @staticmethod
    def _expired(folder: Path) -> bool:
        try:
            return time.time() - folder.stat().st_mtime > KEEP_SECONDS
        except OSError:
            return True
