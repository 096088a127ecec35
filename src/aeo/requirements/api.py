from ninja import Router

router = Router(tags=["requirements"])
