"""CalDAV credentials come from the environment or a netrc-style file, never from the URL or the command line."""

from __future__ import annotations

import pytest

from itinerary.publish.credentials import CredentialsError, credentials, server_url

URL = "https://dav.example.org/calendars/organiser/"


def test_the_environment_first(tmp_path):
    env = {"ITINERARY_CALDAV_USER": "org", "ITINERARY_CALDAV_PASSWORD": "pw", "NETRC": str(tmp_path / "none")}
    assert credentials(URL, env) == ("org", "pw")


def test_half_a_pair_in_the_environment_is_refused():
    with pytest.raises(CredentialsError, match="both"):
        credentials(URL, {"ITINERARY_CALDAV_USER": "org"})


def test_a_netrc_entry_for_the_host(tmp_path):
    file = tmp_path / "netrc"
    file.write_text("machine other.example.org login x password y\nmachine dav.example.org login org password pw\n")
    assert credentials(URL, {}, file) == ("org", "pw")
    assert credentials(URL, {"NETRC": str(file)}) == ("org", "pw")
    assert credentials("https://elsewhere.example.org/", {}, file) == ("", "")


def test_a_broken_netrc_says_where_without_the_secret(tmp_path):
    file = tmp_path / "netrc"
    file.write_text("machine dav.example.org login org password pw\nnonsense here\n")
    with pytest.raises(CredentialsError) as caught:
        credentials(URL, {}, file)
    assert str(file) in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(CredentialsError, match="no such file"):
        credentials(URL, {}, tmp_path / "missing")


def test_no_credentials_anywhere_is_anonymous(tmp_path):
    assert credentials(URL, {"NETRC": str(tmp_path / "missing")}) == ("", "")


@pytest.mark.parametrize("bad", ["https://org:pw@dav.example.org/", "ftp://dav.example.org/", "dav.example.org"])
def test_a_url_with_a_password_or_of_another_scheme_is_refused(bad):
    with pytest.raises(ValueError) as caught:
        server_url(bad)
    assert "pw" not in str(caught.value).replace("ITINERARY_CALDAV_PASSWORD", "")
