"""Liveness and readiness for load balancers and monitoring: /healthz and /readyz."""
