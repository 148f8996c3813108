# Messages of run (Japanese).
