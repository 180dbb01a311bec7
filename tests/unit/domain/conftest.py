import pytest

from tests.unit.domain.domain_helpers import make_ctx


@pytest.fixture
def ctx():
    return make_ctx()
