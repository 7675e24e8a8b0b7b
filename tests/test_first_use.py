"""What a new user meets first: clear errors, quiet starts, hints that work as printed."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from dramawatch.logs import configure


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    alembic = logging.getLogger("alembic").level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(alembic)


@pytest.mark.usefixtures("restore_logging")
def test_the_daemons_info_logging_leaves_out_alembic() -> None:
    configure("text", logging.INFO)
    assert logging.getLogger("dramawatch.daemon").isEnabledFor(logging.INFO)
    assert not logging.getLogger("alembic.runtime.migration").isEnabledFor(logging.INFO)
    configure("text", logging.DEBUG)
    assert logging.getLogger("alembic.runtime.migration").isEnabledFor(logging.INFO)
