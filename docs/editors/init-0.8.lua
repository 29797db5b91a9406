-- termgraph in Neovim 0.8 or later, with vim.lsp.start (which reuses the
-- running server of the same name and folder).
vim.filetype.add({ extension = { tbx = 'xml' } })

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = { '*.xml', '*.tbx', '*.csv' },
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    local config = vim.fs.find('.termgraph.toml', { upward = true, path = vim.fs.dirname(file) })[1]
    vim.lsp.start({
      name = 'termgraph',
      cmd = { 'termgraph', 'lsp' }, -- or the full path of the program
      root_dir = vim.fs.dirname(config or file),
    })
  end,
})

vim.api.nvim_create_autocmd('LspAttach', {
  callback = function(args)
    local function map(lhs, fn)
      vim.keymap.set('n', lhs, fn, { buffer = args.buf })
    end
    map('K', vim.lsp.buf.hover)
    map('gd', vim.lsp.buf.definition)
    map('gr', vim.lsp.buf.references)
    map('<leader>rn', vim.lsp.buf.rename)
    map('<leader>ca', vim.lsp.buf.code_action)
  end,
})
