"""The engine and the understanding of callers' words: the functional core every adapter steps through.

Importing the package puts the understanding's compiled build first on its path when one matches the sources
(`ivr.core.native`); otherwise its modules load from the sources as usual.
"""

from ivr.core.native import use_compiled

use_compiled(__path__)
