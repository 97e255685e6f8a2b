"""Operating a deployment: the load caller (`ivr load`) and the capacity benchmark (`ivr bench`).

Shells beside replay: they drive the app over HTTP as Twilio does (signed
webhooks) or time the engine in process; nothing in `ivr/core` knows of them.
"""
