# Messages of goals-measure (Japanese).
