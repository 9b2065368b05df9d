from __future__ import annotations

from typing import Any

import pytest


def _create(client: Any, **fields: Any) -> Any:
    return client.post("/notes", json={"title": "Buy milk", **fields})


def test_create_returns_201_with_location(client: Any) -> None:
    response = _create(client, body="2 litres")
    assert response.status_code == 201
    assert response.mimetype == "application/json"
    assert response.headers["Location"] == "http://localhost/notes/1"
    assert response.get_json() == {
        "id": 1,
        "title": "Buy milk",
        "body": "2 litres",
        "done": False,
        "url": "http://localhost/notes/1",
    }


def test_list_and_filter(client: Any) -> None:
    _create(client)
    _create(client, title="Call Ada", done=True)
    assert [n["title"] for n in client.get("/notes").get_json()] == [
        "Buy milk",
        "Call Ada",
    ]
    assert [n["title"] for n in client.get("/notes?done=true").get_json()] == [
        "Call Ada"
    ]
    assert [n["title"] for n in client.get("/notes?done=false").get_json()] == [
        "Buy milk"
    ]


def test_get_update_delete(client: Any) -> None:
    _create(client)
    assert client.get("/notes/1").get_json()["title"] == "Buy milk"
    updated = client.put("/notes/1", json={"done": True, "body": "done"})
    assert updated.status_code == 200
    assert updated.get_json()["done"] is True
    assert updated.get_json()["title"] == "Buy milk"
    deleted = client.delete("/notes/1")
    assert deleted.status_code == 204
    assert deleted.data == b""
    assert client.get("/notes/1").status_code == 404


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({}, {"title": "A non-empty string is required."}),
        ({"title": "  "}, {"title": "A non-empty string is required."}),
        ({"title": "x", "done": "yes"}, {"done": "Must be true or false."}),
        ({"title": "x", "colour": "red"}, {"colour": "Unknown field."}),
        ([1, 2], {"body": "Expected a JSON object."}),
    ],
)
def test_validation_errors_are_json_400(
    client: Any, payload: Any, fields: dict[str, str]
) -> None:
    response = client.post("/notes", json=payload)
    assert response.status_code == 400
    assert response.get_json() == {"error": "validation failed", "fields": fields}


def test_malformed_json_is_json_400(client: Any) -> None:
    response = client.post("/notes", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json() == {"error": "Bad Request", "status": 400}


def test_wrong_content_type_is_415(client: Any) -> None:
    response = client.post("/notes", data="title=x")
    assert response.status_code == 415
    assert response.get_json() == {"error": "Unsupported Media Type", "status": 415}


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/notes/9"), ("put", "/notes/9"), ("delete", "/notes/9")],
)
def test_unknown_note_is_json_404(client: Any, method: str, path: str) -> None:
    response = getattr(client, method)(path, json={"title": "x"})
    assert response.status_code == 404
    assert response.get_json() == {"error": "note 9 not found"}


def test_unknown_route_and_method_are_json(client: Any) -> None:
    missing = client.get("/nothing")
    assert missing.status_code == 404
    assert missing.get_json() == {"error": "Not Found", "status": 404}
    wrong = client.patch("/notes")
    assert wrong.status_code == 405
    assert wrong.get_json() == {"error": "Method Not Allowed", "status": 405}
