"""The embedded demo backend: a my-vpa server implementing the whole contract, its demo data,
its throw-away TLS certificates, and the demo customer SIP peer (a separate process).
"""
