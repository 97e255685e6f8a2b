"""Built-in behaviours a flow may name: guards, actions, validators, computed variables.

Importing this package registers every one of them in `ivr.core.registry.REGISTRY`;
each module owns one concern.
"""

from ivr.behaviours import hours as hours  # noqa: F401
from ivr.behaviours import inputs as inputs  # noqa: F401
from ivr.behaviours import verification as verification  # noqa: F401
from ivr.behaviours import case_status as case_status  # noqa: F401
from ivr.behaviours import no_receipt as no_receipt  # noqa: F401
from ivr.behaviours import biometrics as biometrics  # noqa: F401
from ivr.behaviours import field_office as field_office  # noqa: F401
from ivr.behaviours import service_requests as service_requests  # noqa: F401
from ivr.behaviours import request_details as request_details  # noqa: F401
from ivr.behaviours import special_lines as special_lines  # noqa: F401
from ivr.behaviours import live_assistance as live_assistance  # noqa: F401
from ivr.behaviours import tier1_scripts as tier1_scripts  # noqa: F401
from ivr.behaviours import tier2_officer as tier2_officer  # noqa: F401
from ivr.behaviours import good_cause as good_cause  # noqa: F401
from ivr.behaviours import supervisor as supervisor  # noqa: F401
from ivr.behaviours import representatives as representatives  # noqa: F401
