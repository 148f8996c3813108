# Messages of goals-trace (Japanese).
