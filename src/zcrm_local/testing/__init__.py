"""Tools for testing code that talks to Zoho CRM: the pytest plugin (``plugin``), the in-process
mock (``mock``) and a client of the admin API (``client``)."""
