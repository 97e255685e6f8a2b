"""The agent console's application side: scenarios, the simulated caller, scoring, the queue and the live line.

The engine handles agent actions (`ivr.core.agent`, `ivr.core.agent_step`);
this package is the shell around them that the web console
(`ivr.web.console`) and tests drive.
"""
