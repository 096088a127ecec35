"""The API's contract: the operations other systems are promised, documented and served locally."""

REQUIRED_OPERATIONS = {
    # registry (issue 2)
    "list_economies",
    "get_economy",
    "list_operators",
    "get_operator",
    "create_operator",
    "update_operator",
    # lifecycle (issue 3)
    "get_current_template",
    "create_self_assessment",
    "get_self_assessment",
    "answer_question",
    "upload_evidence",
    "request_consultation",
    "create_application",
    "submit_application",
    "accept_application",
    "return_application",
    "request_information",
    "respond_to_request",
    "record_validation_visit",
    "extend_deadline",
    "decide_application",
    "withdraw_application",
    "get_application",
    "list_applications",
    "get_application_history",
    "search_register",
    "get_register_entry",
}


def test_openapi_lists_every_promised_operation(client):
    schema = client.get("/api/v1/openapi.json").json()
    ids = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert not REQUIRED_OPERATIONS - ids


def test_interactive_docs_are_served_without_a_cdn(client):
    page = client.get("/api/v1/docs").text
    assert "swagger" in page.lower()
    assert "cdn." not in page and "unpkg" not in page
