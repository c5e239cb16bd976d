"""The page "MSE reductions, opened up": what `nn.MSELoss` computes for each `reduction`, and its `.grad`."""
