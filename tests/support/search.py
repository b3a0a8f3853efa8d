"""Reading search results as a reader gets them."""


def titles(client, q, **params):
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return [hit.page.title for hit in response.context["page_obj"]]
