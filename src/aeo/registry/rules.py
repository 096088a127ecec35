import rules

from aeo.accounts.constants import REGISTRY_EDITORS, REGISTRY_READERS, Role


@rules.predicate
def is_registry_reader(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in REGISTRY_READERS)


@rules.predicate
def is_registry_editor(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in REGISTRY_EDITORS)


@rules.predicate
def is_own_operator(user, operator) -> bool:
    return (
        operator is not None
        and user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id == operator.pk
    )


rules.add_perm("registry.read_operator", is_registry_reader | is_own_operator)
rules.add_perm("registry.edit_operator", is_registry_editor | is_own_operator)
rules.add_perm("registry.create_operator", is_registry_editor)
