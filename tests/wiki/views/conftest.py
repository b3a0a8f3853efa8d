"""What the view tests share."""

import pytest


@pytest.fixture
def editor(client, user):
    """The test client, logged in as an ordinary user."""
    client.force_login(user)
    return client
