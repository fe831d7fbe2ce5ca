print("cel-conformance: not yet")
