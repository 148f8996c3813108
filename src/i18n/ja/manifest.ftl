# Messages of manifest (Japanese).
