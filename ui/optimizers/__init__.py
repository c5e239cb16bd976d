"""The optimizers page: SGD, momentum, Nesterov, RMSprop, Adam and AdamW racing on the same batches."""
