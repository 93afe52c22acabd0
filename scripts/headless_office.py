"""A headless LibreOffice driven over UNO, for the scripts that have Calc open or save
workbooks (office-workbooks.py, row-height-check.py). Needs Debian's libreoffice-calc-nogui and
python3-uno, so it runs under the system Python (/usr/bin/python3)."""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    """Starts LibreOffice with a profile of its own (never the user's) and returns (process,
    desktop) once it answers."""
    profile = tempfile.mkdtemp(prefix="tonghop-lo-")
    pipe = "tonghop%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               "-env:UserInstallation=file://" + profile,
                               "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return office, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:
            time.sleep(0.5)
    office.kill()
    sys.exit("LibreOffice did not start")


def stop(office, desktop):
    """Asks LibreOffice to quit; kills it if it has not within a minute."""
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        office.wait(timeout=60)
    except subprocess.TimeoutExpired:
        office.kill()
