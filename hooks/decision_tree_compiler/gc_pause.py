"""Pause Python's cycle collector while a stage builds many objects.

Loading, checking and rendering a large tree creates hundreds of thousands of small objects
(YAML nodes, dicts, strings) and no reference cycles, so reference counting frees them all.
The cycle collector would still walk every live object again and again as they pile up: on a
10,000-question tree that is most of the loading time. Pausing it for the stage, then restoring
whatever state it was in, removes that cost without changing what is freed.
"""

from __future__ import annotations

import functools
import gc


def gc_paused(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
