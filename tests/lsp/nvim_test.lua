-- termgraph lsp driven by a real editor: Neovim (0.7 or later) as the
-- client, headless. Run by tests/lsp/nvim.py, which copies the workspace
-- (tests/lsp/workspace) to a temporary directory and passes, in the
-- environment:
--   TERMGRAPH     the program
--   TG_WORKSPACE  the copy of the workspace
--   TG_LSP_LOG    (optional) where the server writes its transcript (--log)
--   TG_EXPECT     JSON: the scenario, what to do where and what to expect,
--                 worked out from the files and `termgraph check` / `refs`
--                 (see nvim.py: scenario())
-- Every step goes through the client as a user's key press would
-- (vim.lsp.buf.*, the default handlers) or through vim.lsp.buf_request_sync,
-- each with a timeout. It prints "ok: ..." or "FAILED: ..." per check and
-- exits with status 1 (cquit) when anything failed, 0 when all passed. The
-- files are written at the end (after the rename) for the driver to check.

local TG = os.getenv('TERMGRAPH')
local WS = os.getenv('TG_WORKSPACE')
local EXPECT = vim.fn.json_decode(os.getenv('TG_EXPECT') or '{}')
local TIMEOUT = 5000 -- ms, for each wait (answers take milliseconds)

local failures = {}

local function say(text)
  io.stdout:write(text .. '\n')
  io.stdout:flush()
end

local function check(cond, what, detail)
  if cond then
    say('ok: ' .. what)
  else
    say('FAILED: ' .. what .. (detail and (' -- ' .. detail) or ''))
    table.insert(failures, what)
  end
  return cond
end

local function finish()
  if #failures > 0 then
    say(string.format('%d check(s) failed', #failures))
    vim.cmd('cquit 1')
  end
  say('all checks passed')
  vim.cmd('qall!')
end

if not (TG and WS) then
  say('FAILED: TERMGRAPH and TG_WORKSPACE must be set')
  vim.cmd('cquit 1')
end

local function path(name)
  return WS .. '/' .. name
end

-- Moves the cursor of the current window onto `text` (plain, first
-- occurrence at or after line `from`), `offset` bytes into it.
local function cursor_on(text, offset, from)
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  for i = from or 1, #lines do
    local col = lines[i]:find(text, 1, true)
    if col then
      vim.api.nvim_win_set_cursor(0, { i, col - 1 + (offset or 0) })
      return i
    end
  end
  error('text not found in ' .. vim.api.nvim_buf_get_name(0) .. ': ' .. text)
end

local function same_file(a, b)
  return vim.loop.fs_realpath(a) == vim.loop.fs_realpath(b)
end

-- Runs one step; an error in it (a timeout, text not found) is a failure of
-- that step, and the next steps still run.
local function step(name, fn)
  local ok, err = pcall(fn)
  if not ok then
    check(false, name, tostring(err))
  end
end

-- -- The client ----------------------------------------------------------
-- Every publishDiagnostics is recorded (then handled as usual), and the
-- replies to rename, to see when the asynchronous one has been applied.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and result.uri then
    published[vim.uri_to_fname(result.uri)] = #(result.diagnostics or {})
  end
  return default_publish(err, result, ctx, config)
end
local rename_reply
local default_rename = vim.lsp.handlers['textDocument/rename']
vim.lsp.handlers['textDocument/rename'] = function(err, result, ctx, config)
  local ok, applied = pcall(default_rename, err, result, ctx, config)
  rename_reply = { err = err, result = result, applied = ok, apply_error = applied }
end

local init_result
local exited
local client_errors = {}
local client_id = vim.lsp.start_client({
  name = 'termgraph',
  -- TG_LSP_LOG: the transcript of every message (--log), kept by nvim.py.
  cmd = os.getenv('TG_LSP_LOG') and { TG, 'lsp', '--log', os.getenv('TG_LSP_LOG') } or { TG, 'lsp' },
  root_dir = WS,
  workspace_folders = { { uri = vim.uri_from_fname(WS), name = 'workspace' } },
  on_init = function(_, result)
    init_result = result
  end,
  on_exit = function(code, signal)
    exited = { code = code, signal = signal }
  end,
  -- What the client finds wrong in the server's output (a response to no
  -- request, a message that does not parse): the user sees these.
  on_error = function(code, detail)
    table.insert(client_errors, (vim.lsp.rpc.client_errors[code] or tostring(code)) .. ': '
      .. vim.inspect(detail))
  end,
})
if not check(client_id ~= nil, 'the client starts `termgraph lsp`') then
  finish()
end

-- Attaching the client to each term file read into a buffer, as an
-- init.lua does (the definition jump and the rename open other files).
vim.api.nvim_create_autocmd({ 'BufReadPost' }, {
  pattern = { '*.xml', '*.csv', '*.tbx' },
  callback = function(args)
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

step('initialize', function()
  local done = vim.wait(TIMEOUT, function()
    return init_result ~= nil or exited ~= nil
  end, 20)
  if not check(done and init_result ~= nil, 'the server answers initialize',
      exited and ('it exited with status ' .. tostring(exited.code)) or 'timeout') then
    return
  end
  local caps = init_result.capabilities or {}
  -- Neovim 0.7 to 0.9 offer no positionEncodings: the server must use
  -- UTF-16; later ones offer UTF-8 among others: the server must take it.
  local offered = (vim.lsp.protocol.make_client_capabilities().general or {}).positionEncodings or {}
  local want = vim.tbl_contains(offered, 'utf-8') and 'utf-8' or 'utf-16'
  check(caps.positionEncoding == want,
    'position encoding ' .. want .. ' for a client offering ' .. vim.inspect(offered),
    vim.inspect(caps.positionEncoding))
  check(caps.definitionProvider and caps.hoverProvider and caps.renameProvider
      and caps.referencesProvider, 'definition, hover, references and rename offered',
    vim.inspect(caps))
  check(init_result.serverInfo and init_result.serverInfo.name == 'termgraph',
    'serverInfo.name is termgraph', vim.inspect(init_result.serverInfo))
end)
if not init_result then
  finish()
end

-- Opens file `name` of the workspace (if not current) and puts the cursor
-- on `place.anchor`, `place.offset` bytes into it.
local function go(place)
  if not same_file(vim.api.nvim_buf_get_name(0), path(place.file)) then
    vim.cmd('edit ' .. vim.fn.fnameescape(path(place.file)))
  end
  return cursor_on(place.anchor, place.offset)
end

local function where(place)
  return string.format('%s "%s"', place.file, place.anchor)
end

local function request(method, extra)
  local params = vim.lsp.util.make_position_params()
  for k, v in pairs(extra or {}) do
    params[k] = v
  end
  local replies, err = vim.lsp.buf_request_sync(0, method, params, TIMEOUT)
  if not replies then
    error(method .. ': no reply (' .. tostring(err) .. ')')
  end
  local reply = replies[client_id] or {}
  -- {result, error} in Neovim 0.7 to 0.9, {result, err} later.
  return { result = reply.result, err = reply.err or reply.error }
end

-- -- Diagnostics ---------------------------------------------------------
local main_buf
step('diagnostics', function()
  vim.cmd('edit ' .. vim.fn.fnameescape(path(EXPECT.main)))
  main_buf = vim.api.nvim_get_current_buf()
  check(vim.lsp.buf_is_attached(main_buf, client_id), 'the client is attached to ' .. EXPECT.main)
  local expected = EXPECT.diagnostics
  local arrived = vim.wait(TIMEOUT, function()
    return #vim.diagnostic.get(main_buf) >= #expected
  end, 20)
  check(arrived, 'diagnostics arrive for the opened buffer',
    string.format('%d of %d', #vim.diagnostic.get(main_buf), #expected))
  local got = vim.diagnostic.get(main_buf)
  table.sort(got, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  check(#got == #expected, 'as many diagnostics as `termgraph check` findings in ' .. EXPECT.main,
    string.format('got %d, expected %d: %s', #got, #expected, vim.inspect(got)))
  for i, want in ipairs(expected) do
    local d = got[i] or {}
    local related = (((d.user_data or {}).lsp or {}).relatedInformation) or {}
    local what = string.format('diagnostic %s at line %d, byte column %d (%s)', want.code,
      want.lnum + 1, want.col, want.severity_name)
    check(d.code == want.code and d.lnum == want.lnum and d.col == want.col
        and d.severity == want.severity and d.message == want.message and d.source == 'termgraph'
        and #related == want.related,
      what, vim.inspect({ code = d.code, lnum = d.lnum, col = d.col, severity = d.severity,
        message = d.message, source = d.source, related = #related }))
  end
  -- Every file of the workspace gets a publish after initialized, an empty
  -- one when it has no findings.
  vim.wait(TIMEOUT, function()
    for _, name in ipairs(EXPECT.files) do
      if published[path(name)] == nil then
        return false
      end
    end
    return true
  end, 20)
  for _, name in ipairs(EXPECT.files) do
    local want = EXPECT.counts[name] or 0
    check(published[path(name)] == want,
      string.format('%d diagnostic(s) published for %s', want, name),
      vim.inspect(published[path(name)]))
  end
end)

-- -- Hover ---------------------------------------------------------------
step('hover', function()
  local h = EXPECT.hover
  go(h)
  local win_before = vim.api.nvim_get_current_win()
  vim.lsp.buf.hover()
  local float
  vim.wait(TIMEOUT, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        float = win
        return true
      end
    end
    return false
  end, 20)
  if not check(float ~= nil, 'hover on ' .. where(h) .. ' opens a floating window') then
    return
  end
  local text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), '\n')
  for _, want in ipairs(h.expect) do
    check(text:find(want, 1, true) ~= nil, 'the hover shows "' .. want .. '"', text)
  end
  vim.api.nvim_win_close(float, true)
  vim.api.nvim_set_current_win(win_before)
end)

-- -- Definition ----------------------------------------------------------
for _, d in ipairs(EXPECT.definitions) do
  step('definition ' .. where(d), function()
    go(d)
    local target = path(d.target_file)
    vim.lsp.buf.definition()
    local jumped = vim.wait(TIMEOUT, function()
      return same_file(vim.api.nvim_buf_get_name(0), target)
        and vim.api.nvim_win_get_cursor(0)[1] == d.target_line
    end, 20)
    local row = vim.api.nvim_win_get_cursor(0)[1]
    check(jumped, string.format('go to definition of %s lands on entry %s (%s line %d)', where(d),
        d.number, d.target_file, d.target_line),
      string.format('at %s line %d', vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t'), row))
    check(vim.lsp.buf_is_attached(0, client_id),
      'the client is attached to ' .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t'))
  end)
end

for _, d in ipairs(EXPECT.no_definitions) do
  step('no definition ' .. where(d), function()
    go(d)
    local reply = request('textDocument/definition')
    check(reply.err == nil and (reply.result == nil or reply.result == vim.NIL),
      'definition ' .. d.what .. ' is null', vim.inspect(reply))
  end)
end

-- -- References ----------------------------------------------------------
step('references', function()
  local r = EXPECT.references
  go(r)
  vim.fn.setqflist({}, 'r')
  vim.lsp.buf.references({ includeDeclaration = true })
  vim.wait(TIMEOUT, function()
    return #vim.fn.getqflist() > 0
  end, 20)
  local seen, got = {}, {}
  for _, item in ipairs(vim.fn.getqflist()) do
    local key = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(item.bufnr), ':t') .. ':' .. item.lnum
    if not seen[key] then
      seen[key] = true
      table.insert(got, key)
    end
  end
  table.sort(got)
  check(vim.deep_equal(got, r.expect),
    'references of ' .. r.number .. ' (with its declaration): every citation, in every file',
    'got ' .. vim.inspect(got) .. ', expected ' .. vim.inspect(r.expect))
  vim.cmd('cclose')
end)

-- -- Typing --------------------------------------------------------------
-- An edit in the buffer (an incremental didChange, its columns in UTF-16
-- on a line with characters outside the BMP) updates the diagnostics: the
-- dangling reference made to cite an entry goes; put back, it returns at
-- the same place. The buffer is written back unchanged.
step('typing', function()
  local t = EXPECT.typing
  local row = go(t)
  local buf = vim.api.nvim_get_current_buf()
  local col = vim.api.nvim_win_get_cursor(0)[2]
  local function dangling_here()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'dangling-reference' and d.lnum == row - 1 then
        return d
      end
    end
  end
  local before = dangling_here()
  if not check(before ~= nil, 'a dangling reference is shown at ' .. where(t)) then
    return
  end
  vim.api.nvim_buf_set_text(buf, row - 1, col, row - 1, col + #t.old, { t.new })
  local gone = vim.wait(TIMEOUT, function() return dangling_here() == nil end, 20)
  check(gone, string.format('typing %s over %s: the dangling reference goes', t.new, t.old))
  vim.api.nvim_buf_set_text(buf, row - 1, col, row - 1, col + #t.new, { t.old })
  local back = vim.wait(TIMEOUT, function() return dangling_here() ~= nil end, 20)
  local again = dangling_here() or {}
  check(back and again.col == before.col and again.end_col == before.end_col,
    'put back: it returns at the same place',
    vim.inspect({ before = { before.col, before.end_col }, after = { again.col, again.end_col } }))
  vim.cmd('silent write')
end)

-- -- Rename --------------------------------------------------------------
local R = EXPECT.rename
step('prepareRename', function()
  go(R)
  local reply = request('textDocument/prepareRename')
  check(reply.result and reply.result.placeholder == R.old,
    'prepareRename on ' .. where(R) .. ' offers "' .. R.old .. '"', vim.inspect(reply))
end)

step('rename onto a taken number', function()
  go(R)
  local reply = request('textDocument/rename', { newName = R.taken })
  check(reply.err and reply.err.code == -32803
      and tostring(reply.err.message):find(R.taken, 1, true) ~= nil,
    string.format('renaming %s to %s (taken) fails with RequestFailed naming %s', R.old, R.taken,
      R.taken), vim.inspect(reply))
  check(not vim.api.nvim_buf_get_option(0, 'modified'), 'and changes nothing')
end)

step('rename', function()
  go(R)
  rename_reply = nil
  vim.lsp.buf.rename(R.new)
  vim.wait(TIMEOUT, function()
    return rename_reply ~= nil
  end, 20)
  if not check(rename_reply ~= nil, string.format('rename %s -> %s is answered', R.old, R.new)) then
    return
  end
  check(rename_reply.err == nil and rename_reply.applied, 'and the edit is applied',
    vim.inspect(rename_reply))
  local edited = {}
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_get_option(buf, 'modified') then
      table.insert(edited, vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':t'))
    end
  end
  table.sort(edited)
  check(vim.deep_equal(edited, R.files), 'the rename edits the buffers of every file citing ' .. R.old,
    'edited ' .. vim.inspect(edited) .. ', expected ' .. vim.inspect(R.files))
  vim.cmd('silent wall')
  -- The server heard of every edit (didChange, didSave): what it publishes
  -- now is what `termgraph check` finds in the files written.
  local report = vim.fn.json_decode(vim.fn.system({ TG, 'check', '--format', 'json', WS }))
  local counts = {}
  for _, d in ipairs(report.diagnostics) do
    local name = vim.fn.fnamemodify(d.file, ':t')
    counts[name] = (counts[name] or 0) + 1
  end
  local function current()
    local now = {}
    for _, name in ipairs(EXPECT.files) do
      local buf = vim.fn.bufnr(path(name))
      local n = buf == -1 and 0 or #vim.diagnostic.get(buf)
      if n > 0 then
        now[name] = n
      end
    end
    return now
  end
  vim.wait(TIMEOUT, function()
    return vim.deep_equal(current(), counts)
  end, 20)
  check(vim.deep_equal(current(), counts),
    'after the rename, the diagnostics shown are those of `termgraph check` on the files written',
    'shown ' .. vim.inspect(current()) .. ', check ' .. vim.inspect(counts))
end)

check(#client_errors == 0, 'the client reported no error in what the server sent',
  table.concat(client_errors, '; '))

-- -- Shutdown ------------------------------------------------------------
step('shutdown', function()
  vim.lsp.stop_client(client_id)
  vim.wait(TIMEOUT, function()
    return exited ~= nil
  end, 20)
  check(exited ~= nil and exited.code == 0, 'the server exits with status 0 after shutdown',
    vim.inspect(exited))
end)

finish()
