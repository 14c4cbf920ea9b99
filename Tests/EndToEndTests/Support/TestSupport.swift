// Every end-to-end test uses the shared sandbox and process runner.
@_exported import TestSupport
