-- termgraph in Neovim 0.7 or later: `termgraph lsp` for term files (.xml,
-- .tbx, .csv). Put this in your init.lua (or dofile() it from there).
-- One server per vocabulary folder: the nearest directory above the file
-- that has a .termgraph.toml, else the file's own directory.
local termgraph_clients = {}

local function termgraph_root(file)
  local config = vim.fn.findfile('.termgraph.toml', vim.fn.fnamemodify(file, ':h') .. ';')
  if config ~= '' then
    return vim.fn.fnamemodify(config, ':p:h')
  end
  return vim.fn.fnamemodify(file, ':p:h')
end

local function termgraph_on_attach(_, bufnr)
  local function map(lhs, fn)
    vim.keymap.set('n', lhs, fn, { buffer = bufnr })
  end
  map('K', vim.lsp.buf.hover)               -- the entry, as ISO prints it
  map('gd', vim.lsp.buf.definition)         -- to the cited entry
  map('gr', vim.lsp.buf.references)         -- every citation of the entry
  map('<leader>rn', vim.lsp.buf.rename)     -- renumber the entry everywhere
  map('<leader>ca', vim.lsp.buf.code_action) -- quick fixes
  map(']d', vim.diagnostic.goto_next)
  map('[d', vim.diagnostic.goto_prev)
  vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc' -- completion: <C-x><C-o>
end

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = { '*.xml', '*.tbx', '*.csv' },
  callback = function(args)
    local root = termgraph_root(vim.api.nvim_buf_get_name(args.buf))
    local id = termgraph_clients[root]
    if not (id and vim.lsp.get_client_by_id(id)) then
      id = vim.lsp.start_client({
        name = 'termgraph',
        cmd = { 'termgraph', 'lsp' }, -- or the full path of the program
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        on_attach = termgraph_on_attach,
      })
      termgraph_clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = '*.tbx',
  command = 'setfiletype xml',
})
vim.diagnostic.config({ virtual_text = true, signs = true, underline = true, severity_sort = true })
