import factory

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.registry.models import Economy, Operator, OperatorRoleAssignment, Region
from aeo.registry.tin import japan_check_digit


def japan_tin(n: int) -> str:
    body = f"{n:012d}"
    return japan_check_digit(body) + body


class OperatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Operator
        skip_postgeneration_save = True

    economy = factory.LazyFunction(lambda: Economy.objects.get(code="JP"))
    tin = factory.Sequence(lambda n: japan_tin(100000 + n))
    legal_name = factory.Sequence(lambda n: f"Test Trading {n} Co., Ltd.")
    region = factory.LazyFunction(lambda: Region.objects.get(code="JP-13"))
    employee_count = 50

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ["importer"]:
            OperatorRoleAssignment.objects.create(operator=self, role=role)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.EXAMINER
    password = factory.PostGenerationMethodCall("set_password", "pw-test-123")

    @factory.post_generation
    def _save(self, create, extracted, **kwargs):
        if create:
            self.save()


class TraderFactory(UserFactory):
    role = Role.TRADER
    operator = factory.SubFactory(OperatorFactory)
