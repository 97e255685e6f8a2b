"""IVR simulator for a government contact center, modelled on the USCIS Contact Center.

Not affiliated with any government agency.  The public API is what this
module re-exports.  `create_app` is imported on first use, so that commands
which serve nothing (`ivr validate`, `ivr replay`) do not pay for Flask and
SQLAlchemy at start-up.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ivr.app import create_app as create_app

__version__ = "0.1.0"
__all__ = ["create_app", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from ivr.collector import collector_paused
        from ivr.generated_code import reusing_generated_code

        # the app's modules live as long as the process (ivr.collector); their dataclasses' methods as compiled
        # at an earlier start (ivr.generated_code)
        with collector_paused(), reusing_generated_code():
            from ivr.app import create_app

        return create_app
    raise AttributeError(f"module 'ivr' has no attribute {name!r}")
