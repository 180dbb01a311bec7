import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[3] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from domain_helpers import make_ctx  # noqa: E402


@pytest.fixture
def ctx():
    return make_ctx()
