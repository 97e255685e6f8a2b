"""Built-in behaviours a flow may name: guards, actions, validators, computed variables.

Importing this package registers every one of them in `ivr.core.registry.REGISTRY`;
each module owns one concern.
"""

from ivr.behaviours import hours as hours  # noqa: F401
from ivr.behaviours import inputs as inputs  # noqa: F401
