"""The classification page: softmax regression trained with cross-entropy."""
