"""Builders for objects the tests need beyond the imported report."""

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from glossary.models import GlossaryTerm
from measures.models import Department


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff-{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    password = factory.django.Password("pass-for-tests")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"テスト課{n}")


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    locale = factory.LazyFunction(Locale.get_default)
    term = factory.Sequence(lambda n: f"テスト用語{n}")
    section = "た行"
    definition = "テストのための用語"
