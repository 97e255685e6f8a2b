"""IVR simulator for a government contact center, modelled on the USCIS Contact Center.

Not affiliated with any government agency.  The public API is what this
module re-exports.
"""

from ivr.app import create_app as create_app

__version__ = "0.1.0"
