"""Integers the database cannot hold match nothing, in `__in` and in foreign-key lookups as in
`exact` on an integer column (Django's IntegerFieldOverflow), instead of failing.

SQLite holds 64-bit integers and its driver raises OverflowError for a larger one: a query
parameter such as `?group=99999999999999999999` in an admin listing's filter (django-filter's
ModelMultipleChoiceField looks the values up with `pk__in`) or `?alias_of=…` in Wagtail's API
(a foreign key) was a server error. Out-of-range values are dropped from a list, and an empty
list, or an out-of-range single value, is an empty result.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def _in_range(value, field, connection):
    target = getattr(field, "target_field", field)
    if not isinstance(value, int) or not isinstance(target, IntegerField):
        return True
    low, high = connection.ops.integer_field_range(target.get_internal_type())
    return (low is None or value >= low) and (high is None or value <= high)


class InRangeValues:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            field = self.lhs.output_field
            self.rhs = [value for value in self.rhs if _in_range(value, field, connection)]
        return super().process_rhs(compiler, connection)


@IntegerField.register_lookup
class IntegerFieldIn(InRangeValues, In):
    pass


@ForeignObject.register_lookup
class RelatedInRange(InRangeValues, RelatedIn):
    pass


@ForeignObject.register_lookup
class RelatedExactInRange(RelatedExact):
    def process_rhs(self, compiler, connection):
        field = self.lhs.output_field
        if self.rhs_is_direct_value() and not _in_range(self.rhs, field, connection):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)
